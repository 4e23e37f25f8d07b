// Checks flow files against the published flow JSON Schema with Ajv (an independent JSON Schema validator),
// for the Ivr.Flows tests. stdin: {schema, documents: [{name, json}]}; stdout: [{name, valid, errors}].
'use strict';
const Ajv2020 = require('ajv/dist/2020');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const { schema, documents } = JSON.parse(input);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  const results = documents.map(({ name, json }) => {
    const valid = validate(JSON.parse(json));
    const errors = (validate.errors || []).map((e) => `${e.instancePath} ${e.message}`);
    return { name, valid, errors };
  });
  process.stdout.write(JSON.stringify(results));
});
