export { SignedInMenu } from './SignedInMenu';
