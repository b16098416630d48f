export { SlaBadge, slaBadge, slaCountdown } from './SlaBadge';
