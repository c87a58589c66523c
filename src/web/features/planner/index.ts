// What other features use of the planner (decision record 0041: a feature reaches another only here).
export { InventorySection } from './components/Inventory.tsx';
