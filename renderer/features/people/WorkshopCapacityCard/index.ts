export { WorkshopCapacityCard } from './WorkshopCapacityCard';
