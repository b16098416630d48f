export { ClosedNoSaleDialog } from './ClosedNoSaleDialog';
