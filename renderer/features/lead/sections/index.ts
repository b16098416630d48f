export { LeadDetailsSection } from './LeadDetailsSection';
export { RequestSection } from './RequestSection';
export { VehicleSection } from './VehicleSection';
export { QualificationSection } from './QualificationSection';
export { ContactLog } from './ContactLog';
export { HistoryPanel } from './HistoryPanel';
