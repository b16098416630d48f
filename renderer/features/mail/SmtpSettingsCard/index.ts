export { SmtpSettingsCard } from './SmtpSettingsCard';
