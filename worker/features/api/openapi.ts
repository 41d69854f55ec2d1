/**
 * The API's OpenAPI 3.1 description, served at /api/v1/openapi.json. Enumerations come from the
 * same constants the validation uses, so the document cannot offer a value the API refuses.
 */
import { AUDIENCES } from '../../engine/schema.ts';
import { LANGUAGES } from '../../core/language.ts';
import { LINKABLE_FORMS, NewLinkInput } from '../links/index.ts';
import { LINK_STATUSES } from '../../core/vocabulary.ts';
import { EXPIRY_DAYS, HELPER_ROLES, INSIGHT_GROUPS, RESPONDENTS, THEMES } from '../../core/vocabulary.ts';
import { AUTH_FAILURE_LIMIT, LIST_LIMIT, RATE_LIMIT } from './limits.ts';

type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

/** The JSON Schema keywords this document uses. */
export interface SchemaObject {
  $ref?: string;
  type?: JsonType | JsonType[];
  description?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: boolean | SchemaObject;
  propertyNames?: SchemaObject;
  items?: SchemaObject;
  enum?: readonly (string | number | null)[];
  const?: string;
  format?: string;
  pattern?: string;
  maxLength?: number;
  default?: unknown;
  oneOf?: SchemaObject[];
  allOf?: SchemaObject[];
  examples?: unknown[];
}

interface Reference {
  $ref: string;
}

interface MediaType {
  schema: SchemaObject;
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  description?: string;
  schema: SchemaObject;
}

interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; schema: SchemaObject }>;
  content?: Record<string, MediaType>;
}

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: (ParameterObject | Reference)[];
  requestBody?: { required: boolean; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject | Reference>;
}

export type Method = 'get' | 'post';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: {
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; description: string }>;
    parameters: Record<string, ParameterObject>;
    schemas: Record<string, SchemaObject>;
    responses: Record<string, ResponseObject>;
  };
}

const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: SchemaObject) => ({ 'application/json': { schema } });
const problem = (name: string): Reference => ({ $ref: `#/components/responses/${name}` });
const parameter = (name: string): Reference => ({ $ref: `#/components/parameters/${name}` });

const dateTime: SchemaObject = { type: 'string', format: 'date-time' };
const nullableDateTime: SchemaObject = { type: ['string', 'null'], format: 'date-time' };
const text: SchemaObject = {
  type: 'object',
  description: 'A text by language code.',
  propertyNames: { enum: LANGUAGES },
  additionalProperties: { type: 'string' },
};

/** The same pattern the link schema checks case references with. */
const caseReferencePattern = NewLinkInput.entries.caseReference.pipe.find((item) => item.type === 'regex')?.requirement.source;

/** What every route under a municipality can answer besides its own result. */
const refusals = { '401': problem('Unauthorized'), '403': problem('Forbidden'), '429': problem('TooManyRequests') };
const postRefusals = { '400': problem('Invalid'), '413': problem('TooLarge'), '415': problem('UnsupportedMediaType') };

export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Medvirk API',
    version: '1.0.0',
    description:
      'Personal form links for case-management systems: make and send a link, follow its status, revoke it and read the answer. ' +
      'A token is issued by an admin of one municipality and acts for that municipality only, seeing all of its links. ' +
      'Every read of a response is recorded in the audit log. ' +
      "User-insight rounds and their published figures need the planners' ability as well; small groups are hidden there as on every page. " +
      'Messages follow Accept-Language (nb, nn or en; bokmål by default).',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ bearer: [] }],
  tags: [
    { name: 'forms', description: 'Forms a link can be made for.' },
    { name: 'links', description: 'Personal form links.' },
    { name: 'responses', description: 'Answers given through a link.' },
    { name: 'consents', description: 'Consent for cooperation: the may-share check, receipts and their keys.' },
    { name: 'cases', description: "A case's responses and best-interests assessments." },
    { name: 'insight', description: "User-insight rounds and their published figures, for tokens with the planners' ability: small groups are hidden, never an answer is given." },
    { name: 'meta', description: 'This document.' },
  ],
  paths: {
    '/openapi.json': {
      get: {
        operationId: 'openApi',
        summary: 'This OpenAPI document',
        tags: ['meta'],
        security: [],
        responses: { '200': { description: 'The document.', content: json({ type: 'object' }) } },
      },
    },
    '/municipalities/{municipality}/forms': {
      get: {
        operationId: 'listForms',
        summary: 'Forms a link can be made for',
        tags: ['forms'],
        parameters: [parameter('municipality')],
        responses: {
          '200': { description: 'The forms, each in its current version.', content: json({ type: 'object', required: ['forms'], properties: { forms: { type: 'array', items: ref('Form') } } }) },
          ...refusals,
        },
      },
    },
    '/municipalities/{municipality}/links': {
      get: {
        operationId: 'listLinks',
        summary: 'Links of the municipality, newest first',
        description: `Looks through the ${LIST_LIMIT} newest links that match \`form\` and \`caseReference\`, then filters them by status.`,
        tags: ['links'],
        parameters: [
          parameter('municipality'),
          { name: 'status', in: 'query', schema: { type: 'string', enum: LINK_STATUSES } },
          { name: 'form', in: 'query', schema: { type: 'string', enum: LINKABLE_FORMS.map((form) => form.definition.id) } },
          { name: 'caseReference', in: 'query', description: 'Exact match.', schema: { type: 'string', pattern: caseReferencePattern } },
        ],
        responses: {
          '200': { description: 'The links.', content: json({ type: 'object', required: ['links'], properties: { links: { type: 'array', items: ref('Link') } } }) },
          '400': problem('Invalid'),
          ...refusals,
        },
      },
      post: {
        operationId: 'createLink',
        summary: 'Make a personal form link',
        description: 'The link address is returned in this answer only; afterwards only its hash exists. With `email`, the link is also sent there, and the address is not stored.',
        tags: ['links'],
        parameters: [parameter('municipality')],
        requestBody: { required: true, content: json(ref('NewLink')) },
        responses: {
          '201': {
            description: 'The link was made.',
            headers: { Location: { description: 'Where the link can be read.', schema: { type: 'string' } } },
            content: json({ allOf: [ref('Link'), { type: 'object', required: ['url'], properties: { url: { type: 'string', format: 'uri', description: 'The personal address, ending in a 28-character code in groups of four (140 bits): give it to the respondent.' } } }] }),
          },
          ...postRefusals,
          ...refusals,
        },
      },
    },
    '/municipalities/{municipality}/links/{id}': {
      get: {
        operationId: 'getLink',
        summary: 'One link and its status',
        tags: ['links'],
        parameters: [parameter('municipality'), parameter('id')],
        responses: { '200': { description: 'The link.', content: json(ref('Link')) }, '404': problem('NotFound'), ...refusals },
      },
    },
    '/municipalities/{municipality}/links/{id}/revoke': {
      post: {
        operationId: 'revokeLink',
        summary: 'Revoke a link',
        description: 'Nobody can answer with the link afterwards. Revoking twice keeps the first time. The body may be empty, but the content type must be JSON.',
        tags: ['links'],
        parameters: [parameter('municipality'), parameter('id')],
        responses: { '200': { description: 'The link, now revoked.', content: json(ref('Link')) }, '404': problem('NotFound'), '413': problem('TooLarge'), '415': problem('UnsupportedMediaType'), ...refusals },
      },
    },
    '/municipalities/{municipality}/responses/{id}': {
      get: {
        operationId: 'getResponse',
        summary: 'Read the answer given through a link',
        description: 'Only answers given through a link of this municipality. Every read is recorded in the audit log.',
        tags: ['responses'],
        parameters: [parameter('municipality'), parameter('id')],
        responses: {
          '200': { description: 'The response.', content: json(ref('Response')) },
          '404': problem('NotFound'),
          '409': { description: 'The form version the answer was given in is no longer stored.', content: json(ref('Error')) },
          ...refusals,
        },
      },
    },
    '/municipalities/{municipality}/consents/check': {
      get: {
        operationId: 'checkConsent',
        summary: 'May a service share information about a case now?',
        description: 'The same answer as the staff page, from every consent of the case: yes, partly (limited to a subject) or no, with a reason. Recorded in the audit log.',
        tags: ['consents'],
        parameters: [
          parameter('municipality'),
          { name: 'caseReference', in: 'query', required: true, schema: { type: 'string', pattern: caseReferencePattern } },
          { name: 'service', in: 'query', required: true, description: 'A service id from the municipality\'s list, such as `school` or `ppt`.', schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: 'The answer.', content: json(ref('ShareAnswer')) },
          '400': problem('Invalid'),
          ...refusals,
        },
      },
    },
    '/consent-keys/{municipality}': {
      get: {
        operationId: 'consentKeys',
        summary: 'The public keys that sign the municipality\'s consent receipts',
        description: 'A JWK set (Ed25519), newest first. Retired keys stay listed so older receipts still verify.',
        tags: ['consents'],
        security: [],
        parameters: [{ name: 'municipality', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'The keys.', content: json({ type: 'object', required: ['keys'], properties: { keys: { type: 'array', items: { type: 'object' } } } }) }, '404': problem('NotFound') },
      },
    },
    '/consent-receipts/check': {
      post: {
        operationId: 'checkConsentReceipt',
        summary: 'Is a consent receipt genuine, and still in force?',
        description: 'Send the receipt exactly as it was handed out (`receipt`, `kid`, `alg`, `signature`). An altered, forged or unknown receipt answers `genuine: false`.',
        tags: ['consents'],
        security: [],
        requestBody: { required: true, content: json({ type: 'object' }) },
        responses: { '200': { description: 'The result.', content: json(ref('ReceiptCheck')) }, ...postRefusals },
      },
    },
    '/municipalities/{municipality}/cases/{caseReference}/responses': {
      get: {
        operationId: 'listCaseResponses',
        summary: "A case's responses",
        description: 'Responses that came in through the links of this case reference, without their answers (read each one with getResponse): when, whether flagged and when first reviewed.',
        tags: ['cases'],
        parameters: [parameter('municipality'), parameter('caseReference')],
        responses: { '200': { description: 'The responses.', content: json({ type: 'object', required: ['responses'], properties: { responses: { type: 'array', items: ref('CaseResponse') } } }) }, '404': problem('NotFound'), ...refusals },
      },
    },
    '/municipalities/{municipality}/cases/{caseReference}/assessments': {
      get: {
        operationId: 'listCaseAssessments',
        summary: "A case's best-interests assessments",
        tags: ['cases'],
        parameters: [parameter('municipality'), parameter('caseReference')],
        responses: { '200': { description: 'The assessments, newest first.', content: json({ type: 'object', required: ['assessments'], properties: { assessments: { type: 'array', items: ref('Assessment') } } }) }, '404': problem('NotFound'), ...refusals },
      },
    },
    '/municipalities/{municipality}/assessments/{id}': {
      get: {
        operationId: 'getAssessment',
        summary: 'Read one best-interests assessment',
        description: 'The current version, labelled in the language of Accept-Language, and every version with who saved it, when and which fields changed. Every read is recorded in the audit log.',
        tags: ['cases'],
        parameters: [parameter('municipality'), parameter('id')],
        responses: { '200': { description: 'The assessment.', content: json(ref('AssessmentDocument')) }, '404': problem('NotFound'), ...refusals },
      },
    },
    '/municipalities/{municipality}/insight/rounds': {
      get: {
        operationId: 'listInsightRounds',
        summary: "The municipality's user-insight rounds",
        tags: ['insight'],
        parameters: [parameter('municipality')],
        responses: { '200': { description: 'The rounds, newest first.', content: json({ type: 'object', required: ['rounds'], properties: { rounds: { type: 'array', items: ref('InsightRound') } } }) }, ...refusals },
      },
    },
    '/municipalities/{municipality}/insight/rounds/{id}/results': {
      get: {
        operationId: 'getInsightResults',
        summary: "A closed round's published figures",
        description:
          'Every table the round can publish, with each cell exactly as the dashboard, the downloads and the plan document show it: ' +
          'a cell from fewer respondents than the threshold, or one that other figures would reveal, has `count: null` and says why in `suppressed`. ' +
          'Approved quotes only. Results exist only once the round has closed. Every read is recorded in the audit log.',
        tags: ['insight'],
        parameters: [parameter('municipality'), parameter('id')],
        responses: {
          '200': { description: 'The published figures.', content: json(ref('InsightResults')) },
          '404': problem('NotFound'),
          '409': { description: 'The round is still open: no figures yet.', content: json(ref('Error')) },
          ...refusals,
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'A token issued by an admin of the municipality (starts with `mvk_`).' },
    },
    parameters: {
      municipality: { name: 'municipality', in: 'path', required: true, description: "The token's own municipality.", schema: { type: 'string' } },
      id: { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      caseReference: { name: 'caseReference', in: 'path', required: true, description: 'The case reference the links were made with.', schema: { type: 'string', pattern: caseReferencePattern, maxLength: 40 } },
    },
    schemas: {
      InsightRound: {
        type: 'object',
        required: ['id', 'name', 'opensOn', 'closesOn', 'status', 'groups'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          name: { type: 'string' },
          opensOn: { type: 'string', format: 'date', description: 'First day answers are taken.' },
          closesOn: { type: 'string', format: 'date', description: 'Last day answers are taken.' },
          status: { enum: ['upcoming', 'open', 'closed'], description: 'Closed once a planner closes it or its last day has passed.' },
          groups: { type: 'array', items: { enum: INSIGHT_GROUPS } },
        },
      },
      InsightCount: { type: ['integer', 'null'], description: 'null where the figure is hidden (too few answers to show).' },
      InsightResults: {
        type: 'object',
        required: ['round', 'threshold', 'respondents', 'questions', 'tables', 'quotes'],
        properties: {
          round: { type: 'object', required: ['id', 'name', 'opensOn', 'closesOn', 'groups'], properties: { id: { type: 'string' }, name: { type: 'string' }, opensOn: { type: 'string', format: 'date' }, closesOn: { type: 'string', format: 'date' }, groups: { type: 'array', items: { type: 'object', properties: { group: { enum: INSIGHT_GROUPS }, form: { type: 'string' } } } } } },
          threshold: { type: 'integer', description: 'No figure is shown from fewer respondents than this.' },
          respondents: {
            type: 'object',
            required: ['all', 'groups', 'units'],
            properties: {
              all: ref('InsightCount'),
              groups: { type: 'array', items: { type: 'object', required: ['group', 'count'], properties: { group: { enum: INSIGHT_GROUPS }, count: ref('InsightCount') } } },
              units: { type: 'array', items: { type: 'object', required: ['unit', 'group', 'respondents', 'invited', 'rate'], properties: { unit: { type: 'string' }, group: { enum: INSIGHT_GROUPS }, respondents: ref('InsightCount'), invited: { type: ['integer', 'null'] }, rate: { type: ['number', 'null'], description: 'Respondents per invited, where both are known and shown.' } } } },
            },
          },
          questions: { type: 'array', items: { type: 'object', required: ['id', 'theme', 'type', 'groups', 'options', 'backgrounds'], properties: { id: { type: 'string' }, theme: { enum: THEMES }, type: { type: 'string' }, groups: { type: 'array', items: { enum: INSIGHT_GROUPS } }, options: { type: 'array', items: { type: 'string' } }, backgrounds: { type: 'array', items: { type: 'string' } } } } },
          tables: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'question', 'by', 'cells'],
              properties: {
                id: { type: 'string' },
                question: { type: ['string', 'null'], description: 'null for the table of respondents.' },
                by: { type: 'array', items: { type: 'string' }, description: 'The dimensions (unit, group, background questions) the table is broken down by.' },
                cells: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['key', 'count'],
                    properties: {
                      key: { type: 'object', additionalProperties: { type: 'string' }, description: 'The value of each dimension the cell is fixed on (and the answer option); a dimension left out is all of it.' },
                      count: ref('InsightCount'),
                      share: { type: ['number', 'null'] },
                      mean: { type: ['number', 'null'] },
                      suppressed: { enum: ['primary', 'secondary'], description: 'primary: too few answers; secondary: hidden so that no hidden figure can be worked out from the others.' },
                    },
                  },
                },
              },
            },
          },
          quotes: { type: 'array', items: { type: 'object', required: ['group', 'question', 'theme', 'text'], properties: { group: { enum: INSIGHT_GROUPS }, question: { type: 'string' }, theme: { type: ['string', 'null'] }, text: { type: 'string', description: 'As a planner approved (and perhaps redacted) it.' } } } },
        },
      },
      ShareAnswer: {
        type: 'object',
        required: ['answer', 'reason', 'message', 'until', 'subjects'],
        properties: {
          answer: { enum: ['yes', 'partly', 'no'] },
          reason: { type: 'string', description: 'A stable key: approved, limitedSubject, pending, declined, notRelevant, withdrawn, expired, outsidePeriod, notInConsent, noConsent.' },
          message: { type: 'string', description: 'The reason in the language of Accept-Language.' },
          until: nullableDateTime,
          subjects: { type: 'array', items: { type: 'string' } },
        },
      },
      ReceiptCheck: {
        type: 'object',
        required: ['genuine'],
        properties: {
          genuine: { type: 'boolean' },
          inForce: { type: 'boolean' },
          receiptId: { type: 'string' },
          issuedAt: dateTime,
          services: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, inForce: { type: 'boolean' } } } },
        },
      },
      Error: {
        type: 'object',
        required: ['error', 'message'],
        properties: {
          error: { type: 'string', description: 'A stable key, e.g. apiUnauthorized, apiNoAccess, notFound, apiJsonOnly, tooManyRequests.' },
          message: { type: 'string', description: 'A text for people, in the language of Accept-Language.' },
        },
      },
      Invalid: {
        type: 'object',
        required: ['error', 'message'],
        properties: {
          error: { type: 'string', enum: ['invalid', 'badRequest'], description: '`invalid` lists the fields to correct; `badRequest` means the body was not a JSON object.' },
          message: { type: 'string' },
          problems: {
            type: 'array',
            items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
      Form: {
        type: 'object',
        required: ['id', 'version', 'title', 'languages', 'audience', 'anonymous'],
        properties: {
          id: { type: 'string' },
          version: { type: 'string', description: 'Changes whenever the form does.' },
          title: text,
          languages: { type: 'array', items: { type: 'string', enum: LANGUAGES } },
          audience: { type: 'string', enum: AUDIENCES },
          anonymous: { type: 'boolean' },
        },
      },
      NewLink: {
        type: 'object',
        required: ['form', 'language', 'respondent', 'caseReference', 'expiresInDays', 'singleUse'],
        properties: {
          form: { type: 'string', enum: LINKABLE_FORMS.map((form) => form.definition.id) },
          language: { type: 'string', enum: LANGUAGES, description: 'The language the respondent gets the form and any e-mail in.' },
          respondent: { type: 'string', enum: RESPONDENTS, description: "Only those the form is made for: a form for guardians only to `guardian`; a form for children to `child`, or `other` for an adult who answers together with the child." },
          caseReference: { type: 'string', pattern: caseReferencePattern, maxLength: 40, description: "The sender's own pseudonymous reference; never a name." },
          expiresInDays: { type: 'integer', enum: EXPIRY_DAYS },
          singleUse: { type: 'boolean' },
          email: { type: 'string', format: 'email', maxLength: 254, description: 'Send the link here as well; the address is not stored.' },
          phone: { type: 'string', description: 'A Norwegian mobile number to text the link to as well ("912 34 567", "+47 91234567"); not stored.' },
          senderRole: { type: 'string', enum: HELPER_ROLES, default: 'other', description: 'The sender\'s role, named in the letter, e-mail and text message ("a teacher"); "other" says "a member of staff". Never a name.' },
          childAge: { type: 'integer', description: "The child's age in years, required for a form version made for an age band (the child's voice 3–6, 7–12, 13–18) and checked against it; not stored." },
        },
      },
      Link: {
        type: 'object',
        required: ['id', 'form', 'language', 'respondent', 'caseReference', 'singleUse', 'status', 'createdBy', 'createdAt', 'expiresAt', 'sentAt', 'openedAt', 'startedAt', 'submittedAt', 'revokedAt', 'responseId'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          form: { type: 'string' },
          language: { type: 'string', enum: LANGUAGES },
          respondent: { type: 'string', enum: RESPONDENTS },
          caseReference: { type: 'string' },
          singleUse: { type: 'boolean' },
          status: { type: 'string', enum: LINK_STATUSES },
          createdBy: { type: 'string', description: 'A person id, or `token:<id>` for a link made through the API.' },
          createdAt: dateTime,
          expiresAt: dateTime,
          sentAt: nullableDateTime,
          openedAt: nullableDateTime,
          startedAt: nullableDateTime,
          submittedAt: nullableDateTime,
          revokedAt: nullableDateTime,
          responseId: { type: ['string', 'null'], description: 'Set once the link is answered.' },
        },
      },
      Response: {
        type: 'object',
        required: ['id', 'reference', 'linkId', 'formId', 'formVersion', 'language', 'submittedAt', 'submittedPeriod', 'assisted', 'assistedRole', 'answers', 'readable'],
        properties: {
          id: { type: 'string' },
          reference: { type: 'string', description: 'The receipt reference the respondent was shown.' },
          linkId: { type: 'string' },
          formId: { type: 'string' },
          formVersion: { type: 'string' },
          language: { type: 'string', enum: LANGUAGES },
          submittedAt: { ...nullableDateTime, description: 'Null for anonymous forms, which keep only the period.' },
          submittedPeriod: { type: 'string' },
          assisted: { type: 'boolean', description: 'Whether a staff member helped answer.' },
          assistedRole: { type: ['string', 'null'], enum: [...HELPER_ROLES, null], description: "The helper's role (never the name) when a staff member helped." },
          answers: {
            type: 'object',
            description: 'Raw values by question id, as stored. A repeatable page keeps its rows under the page id, as a list of objects by question id.',
            additionalProperties: true,
          },
          readable: {
            type: 'array',
            description: 'Every question shown to the respondent, in order, as the staff see it; labels and answers in the language of Accept-Language.',
            items: {
              type: 'object',
              required: ['questionId', 'page', 'label', 'state', 'answer', 'columns'],
              properties: {
                questionId: { type: 'string' },
                page: { type: 'string' },
                label: { type: 'string' },
                row: { type: 'integer', description: 'On a repeatable page only: the item the answer belongs to, counted from 1.' },
                state: { type: 'string', enum: ['answered', 'declined', 'empty'] },
                answer: { type: 'array', items: { type: 'string' }, description: 'The answer as display text, a line each.' },
                value: { description: 'The answer as data (a smiley-scale point as a number); absent unless answered.' },
                columns: {
                  type: 'object',
                  additionalProperties: { type: 'string' },
                  description: 'The answer for a table, by column key: one column per question, or one per option or agency.',
                },
              },
            },
          },
        },
      },
      CaseResponse: {
        type: 'object',
        required: ['id', 'reference', 'linkId', 'formId', 'language', 'submittedAt', 'assisted', 'flagged', 'reviewedAt'],
        properties: {
          id: { type: 'string' },
          reference: { type: 'string' },
          linkId: { type: 'string' },
          formId: { type: 'string' },
          language: { type: 'string', enum: LANGUAGES },
          submittedAt: nullableDateTime,
          assisted: { type: 'boolean' },
          flagged: { type: 'boolean', description: "Set when the form's rule says the answers call for a prompt look." },
          reviewedAt: { ...nullableDateTime, description: 'When a staff member first marked it reviewed.' },
        },
      },
      Assessment: {
        type: 'object',
        required: ['id', 'caseReference', 'status', 'version', 'responseId', 'createdAt', 'updatedAt', 'completedAt', 'feedbackVersion', 'feedbackSentAt'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          caseReference: { type: 'string' },
          status: { type: 'string', enum: ['draft', 'completed'] },
          version: { type: 'integer', description: 'The current version, from 1.' },
          responseId: { type: ['string', 'null'], description: "The child's-voice response it draws on." },
          createdAt: dateTime,
          updatedAt: dateTime,
          completedAt: { ...nullableDateTime, description: 'When it was last completed.' },
          feedbackVersion: { type: ['integer', 'null'], description: 'The completed version whose feedback the child was shown.' },
          feedbackSentAt: nullableDateTime,
        },
      },
      AssessmentDocument: {
        allOf: [
          ref('Assessment'),
          {
            type: 'object',
            required: ['document', 'versions'],
            properties: {
              document: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['questionId', 'step', 'label', 'state', 'answer'],
                  properties: { questionId: { type: 'string' }, step: { type: 'string', description: 'know, assess, weigh or show' }, label: { type: 'string' }, state: { type: 'string', enum: ['answered', 'declined', 'empty'] }, answer: { type: 'array', items: { type: 'string' } } },
                },
              },
              versions: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['number', 'status', 'savedBy', 'savedAt', 'changes'],
                  properties: {
                    number: { type: 'integer' },
                    status: { type: 'string', enum: ['draft', 'completed'] },
                    savedBy: { type: 'string', description: 'A person id.' },
                    savedAt: dateTime,
                    changes: { type: 'array', items: { type: 'object', required: ['field', 'change'], properties: { field: { type: 'string' }, change: { type: 'string', enum: ['added', 'changed', 'removed'] } } } },
                  },
                },
              },
            },
          },
        ],
      },
    },
    responses: {
      Invalid: { description: 'The input has problems; nothing was changed.', content: json(ref('Invalid')) },
      Unauthorized: {
        description: 'No token, or an unknown or revoked one.',
        headers: { 'WWW-Authenticate': { description: 'Bearer', schema: { type: 'string' } } },
        content: json(ref('Error')),
      },
      Forbidden: { description: "The token belongs to another municipality, or lacks the route's ability; nothing was changed.", content: json(ref('Error')) },
      NotFound: { description: "No such link, response or round in this municipality (another municipality's is not confirmed to exist).", content: json(ref('Error')) },
      TooLarge: { description: 'The body was larger than 1 MB.', content: json(ref('Error')) },
      UnsupportedMediaType: { description: 'A POST whose content type is not application/json.', content: json(ref('Error')) },
      TooManyRequests: {
        description:
          `More than ${RATE_LIMIT.limit} requests in ${RATE_LIMIT.windowSeconds / 60} minutes with this token, ` +
          `or ${AUTH_FAILURE_LIMIT.limit} wrong or missing tokens in ${AUTH_FAILURE_LIMIT.windowSeconds / 60} minutes from this client (then even a right token waits).`,
        headers: { 'Retry-After': { description: 'Seconds until the limit resets.', schema: { type: 'integer' } } },
        content: json(ref('Error')),
      },
    },
  },
};
