export { DealershipCard } from './DealershipCard';
