export { StatusBadge, statusBadge } from './StatusBadge';
