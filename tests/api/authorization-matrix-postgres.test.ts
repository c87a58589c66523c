// The authorisation matrix (authorization-matrix.ts) on PostgreSQL, when TEST_DATABASE_URL names a server.
import { engines } from '../support/db.ts';
import { describeMatrix } from './authorization-matrix.ts';

if (engines().includes('postgres')) describeMatrix('postgres');
