// Checks REST answers against the response schema of Twilio's own OpenAPI spec (the pinned @twilio-alpha/mcp
// copy of twilio-oai) with Ajv, for the carrier simulator's tests.
// stdin: {path, method, status, bodies: [json, ...]}   path as in the spec, e.g. /2010-04-01/Accounts/{AccountSid}/Messages.json
// stdout: [{valid, errors}], one per body.
// Strict where the spec is loose: every object the spec describes must carry exactly its properties (no missing
// field, no invented one), so that a client reading any documented field finds it.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');

const specPath = path.join(__dirname, 'node_modules', '@twilio-alpha', 'mcp', 'twilio-oai', 'spec', 'json', 'twilio_api_v2010.json');
const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));

// Inlines #/components/... references and closes every object schema that lists its properties.
function resolve(node, seen) {
  if (Array.isArray(node)) return node.map((n) => resolve(n, seen));
  if (!node || typeof node !== 'object') return node;
  if (node.$ref) {
    const name = node.$ref;
    if (seen.includes(name)) return {};
    const target = name.replace(/^#\//, '').split('/').reduce((o, k) => o[k], spec);
    return resolve(target, seen.concat(name));
  }
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'examples' || key === 'example' || key.startsWith('x-')) continue;
    out[key] = key === 'properties'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, seen)]))
      : resolve(value, seen);
  }
  if (out.type === 'object' && out.properties && out.format !== 'uri-map') {
    out.additionalProperties = false;
    out.required = Object.keys(out.properties);
  }
  return out;
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const { path: route, method, status, bodies } = JSON.parse(input);
  const operation = spec.paths[route] && spec.paths[route][method.toLowerCase()];
  if (!operation) throw new Error(`no ${method} ${route} in the spec`);
  const schema = resolve(operation.responses[String(status)].content['application/json'].schema, []);
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('date-time-rfc-2822', /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/);
  ajv.addFormat('phone-number', /^(\+[1-9]\d{1,14}|client:.+|sip:.+)$/);
  ajv.addFormat('uri', /^(https?:\/\/|\/)\S*$/);
  ajv.addFormat('currency', /^[A-Z]{3}$/);
  ajv.addFormat('uri-map', true);
  ajv.addFormat('int64', true);
  const validate = ajv.compile(schema);
  const results = bodies.map((json) => {
    const valid = validate(JSON.parse(json));
    return { valid, errors: (validate.errors || []).map((e) => `${e.instancePath} ${e.message}`) };
  });
  process.stdout.write(JSON.stringify(results));
});
