export { AppointmentKept } from './AppointmentKept';
