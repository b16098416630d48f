export { ClosedInSaleDialog } from './ClosedInSaleDialog';
