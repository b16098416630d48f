// `npm run aslm -- <command> [options]`: the administrator's and scheduled tasks' door to the app core.
import { commands } from './commands';
import { UsageError } from './args';
import { AppError } from '../../shared/contract/errors';
import { t } from '../core/i18n';

function help(): string {
  const lines = [
    'Usage: npm run aslm -- <command> [options]   (every command takes --db FILE; default ~/.aslm-desk/aslm.sqlite or $ASLM_DB)',
    '',
    'Commands:',
  ];
  for (const c of Object.values(commands)) lines.push(`  ${c.usage.padEnd(58)} ${c.summary}`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(help());
    return name ? 0 : 2;
  }
  const cmd = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!cmd) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`aslm ${name}: ${e.message}\nUsage: npm run aslm -- ${cmd.usage}`);
      return 2;
    }
    // A refusal with a code (DATABASE_BUSY, DATABASE_ON_NETWORK_DRIVE…) in words, with its code for scripts.
    const msg = e instanceof AppError ? `${t('en', `errors:code.${e.code}`, e.params ?? {})} (${e.code})` : null;
    console.error(`aslm ${name}: ${msg ?? (e as Error).message}`);
    return 1;
  }
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});
process.exitCode = await main(process.argv.slice(2));
