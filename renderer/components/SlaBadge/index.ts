export { SlaBadge, slaCountdown } from './SlaBadge';
