// THE contract: one map from channel name to zod input and output schemas. Every transport
// (Electron IPC, loopback HTTP, CLI, tests) goes through it.
import { defineContract, type BridgeOf, type InputOf, type OutputOf, type ParsedInputOf } from './define';
import { appChannels } from './app';
import { leadChannels } from './leads';
import { importChannels } from './import';
import { playbookChannels } from './playbook';
import { kpiChannels } from './kpi';
import { deskChannels } from './desk';
import { peopleChannels } from './people';
import { mailChannels } from './mail';
import { notificationChannels } from './notifications';
import { backupChannels } from './backup';
import { listPrintChannels } from './listPrint';
import { hostChannels } from './host';
import { listChannels } from './lists';
import { authChannels } from './auth';
import { bootChannels } from './boot';
import { siteChannels } from './sites';

export const contract = defineContract(
  appChannels,
  leadChannels,
  importChannels,
  playbookChannels,
  kpiChannels,
  deskChannels,
  peopleChannels,
  mailChannels,
  notificationChannels,
  backupChannels,
  listPrintChannels,
  listChannels,
  authChannels,
  hostChannels,
  bootChannels,
  siteChannels,
);

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export type Input<C extends ChannelName> = InputOf<Contract, C>;
export type ParsedInput<C extends ChannelName> = ParsedInputOf<Contract, C>;
export type Output<C extends ChannelName> = OutputOf<Contract, C>;
export type Api = BridgeOf<Contract>;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];
export { AppError, type Reply, type AppErrorShape } from './errors';
