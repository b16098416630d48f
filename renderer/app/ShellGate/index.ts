export { ShellGate } from './ShellGate';
