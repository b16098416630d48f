export { ChangePasswordScreen } from './ChangePasswordScreen';
