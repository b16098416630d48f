export { LeadPage } from './LeadPage';
