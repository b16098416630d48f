export { WorkshopLoad } from './WorkshopLoad';
