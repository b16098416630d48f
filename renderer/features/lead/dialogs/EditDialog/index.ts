export { EditDialog } from './EditDialog';
