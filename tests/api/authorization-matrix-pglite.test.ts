// The authorisation matrix (authorization-matrix.ts) on the embedded database.
import { describeMatrix } from './authorization-matrix.ts';

describeMatrix('pglite');
