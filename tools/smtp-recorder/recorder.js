// A real SMTP server for the email channel's tests (npm smtp-server), recording every message it accepts as one
// JSON file parsed by mailparser, so a test reads what a mail client would show.
//
//   node recorder.js --out <folder> [--user U --password P] [--cert cert.pem --key key.pem] [--reject-prefix reject]
//
// Listens on a free loopback port and prints one line "listening <port>" when ready. With --user, AUTH (PLAIN or
// LOGIN) is required and checked; with --cert/--key, STARTTLS is offered; a RCPT TO whose local part starts with the
// reject prefix is refused with 550 (a permanent failure), and one starting with "busy" with 451 (a temporary one).
'use strict';
const fs = require('fs');
const path = require('path');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

function arg(name) {
  const i = process.argv.indexOf('--' + name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const out = arg('out');
if (!out) {
  console.error('--out <folder> is required');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });
const user = arg('user');
const password = arg('password');
const cert = arg('cert');
const key = arg('key');
const rejectPrefix = arg('reject-prefix') || 'reject';
let count = 0;

const server = new SMTPServer({
  name: 'smtp-recorder.test',
  banner: 'smtp-recorder',
  authOptional: !user,
  authMethods: ['PLAIN', 'LOGIN'],
  allowInsecureAuth: !cert,
  disabledCommands: cert ? [] : ['STARTTLS'],
  key: key ? fs.readFileSync(key) : undefined,
  cert: cert ? fs.readFileSync(cert) : undefined,
  size: 10 * 1024 * 1024,
  logger: false,
  onAuth(auth, session, callback) {
    if (user && auth.username === user && auth.password === password) {
      return callback(null, { user: auth.username });
    }
    return callback(new Error('Invalid username or password'));
  },
  onRcptTo(address, session, callback) {
    const local = address.address.split('@')[0];
    if (local.startsWith(rejectPrefix)) {
      const error = new Error('5.1.1 Recipient address rejected: user unknown');
      error.responseCode = 550;
      return callback(error);
    }
    if (local.startsWith('busy')) {
      const error = new Error('4.2.1 Mailbox busy, try again later');
      error.responseCode = 451;
      return callback(error);
    }
    return callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', async () => {
      try {
        const raw = Buffer.concat(chunks);
        const mail = await simpleParser(raw);
        count += 1;
        const queueId = 'Q' + String(count).padStart(6, '0');
        const record = {
          queueId,
          envelope: {
            from: session.envelope.mailFrom && session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          authenticatedUser: session.user || null,
          secure: !!session.secure,
          subject: mail.subject,
          from: mail.from && mail.from.value,
          to: mail.to && mail.to.value,
          text: mail.text,
          html: mail.html || null,
          contentType: mail.headers.get('content-type') && mail.headers.get('content-type').value,
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content.toString('base64'),
          })),
          raw: raw.toString('utf8'),
        };
        const file = path.join(out, queueId + '.json');
        fs.writeFileSync(file + '.tmp', JSON.stringify(record));
        fs.renameSync(file + '.tmp', file);
        callback(null, 'Ok: queued as ' + queueId);
      } catch (error) {
        callback(error);
      }
    });
  },
});

server.on('error', (error) => console.error('smtp-recorder: ' + error.message));
server.listen(0, '127.0.0.1', () => {
  console.log('listening ' + server.server.address().port);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
