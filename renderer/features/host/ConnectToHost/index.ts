export { ConnectToHost, LeaveHost } from './ConnectToHost';
