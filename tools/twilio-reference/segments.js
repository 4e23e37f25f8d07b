// Counts SMS segments with Twilio's reference calculator (sms-segments-calculator), for the Notifications tests.
// stdin: a JSON array of message bodies; stdout: a JSON array of
//   {encoding: "GSM-7"|"UCS-2", segments, characters, messageSizeBits}, one per body, in order.
'use strict';
const { SegmentedMessage } = require('sms-segments-calculator');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const results = JSON.parse(input).map((body) => {
    const message = new SegmentedMessage(body);
    return {
      encoding: message.encodingName,
      segments: message.segmentsCount,
      characters: message.numberOfCharacters,
      messageSizeBits: message.messageSize,
    };
  });
  process.stdout.write(JSON.stringify(results));
});
