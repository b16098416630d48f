export { RecordContactDialog } from './RecordContactDialog';
