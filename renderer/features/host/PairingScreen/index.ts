export { PairingScreen } from './PairingScreen';
