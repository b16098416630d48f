export { CustomerCard } from './CustomerCard';
