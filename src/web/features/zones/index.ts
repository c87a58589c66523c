// What other features use of zones (decision record 0041: a feature reaches another only here).
export { ZoneTable } from './routes/Zones.tsx';
