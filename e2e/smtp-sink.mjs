// A small SMTP sink for the end-to-end run: accepts every message on 127.0.0.1 (a random
// port unless --port is given), parses it and writes it as JSON into a folder, one file
// per message, so that the tests can read the verification and notification emails.
//
//   node smtp-sink.mjs --dir /tmp/mail --port-file /tmp/smtp.port
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    'port-file': { type: 'string' },
    port: { type: 'string', default: '0' },
  },
});
if (!args.dir) {
  console.error('usage: node smtp-sink.mjs --dir DIR [--port-file FILE] [--port N]');
  process.exit(2);
}
mkdirSync(args.dir, { recursive: true });

let count = 0;
const server = new SMTPServer({
  secure: false,
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  banner: 'Plenary e2e sink',
  size: 10 * 1024 * 1024,
  logger: false,
  onAuth(_auth, _session, cb) {
    cb(null, { user: 'e2e' });
  },
  onData(stream, session, cb) {
    simpleParser(stream)
      .then((mail) => {
        count += 1;
        const record = {
          n: count,
          receivedAt: new Date().toISOString(),
          envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          from: mail.from?.text ?? '',
          to: mail.to?.text ?? '',
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
          // Header lines as sent (lower-case names), e.g. headers['list-unsubscribe'].
          headers: Object.fromEntries(
            mail.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(':') + 1).trim()]),
          ),
        };
        const name = `${Date.now()}-${String(count).padStart(5, "0")}.json`;
        // Written then renamed, so a reader never sees half a file.
        writeFileSync(join(args.dir, `.${name}.tmp`), JSON.stringify(record, null, 2));
        renameSync(join(args.dir, `.${name}.tmp`), join(args.dir, name));
        cb();
      })
      .catch((e) => cb(e));
  },
});
server.on('error', (e) => console.error('smtp sink:', e.message));
server.listen(Number(args.port), '127.0.0.1', () => {
  const { port } = server.server.address();
  if (args['port-file']) writeFileSync(args['port-file'], String(port));
  console.log(`smtp sink on 127.0.0.1:${port}, writing to ${args.dir}`);
});
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
