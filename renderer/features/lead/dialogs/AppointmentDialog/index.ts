export { AppointmentDialog } from './AppointmentDialog';
