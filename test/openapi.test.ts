import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';

type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

const ERROR_REF = { $ref: '#/components/schemas/Error' };

let t: TestApp;
let doc: Document;
beforeAll(async () => {
  t = await createTestApp();
  doc = (await new TestClient(t.app).get('/api/openapi.json')).body;
});
afterAll(() => t.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  );
const codesOf = (path: string, method: string) => Object.keys(doc.paths[path]![method]!.responses);

describe('the OpenAPI document’s error answers', () => {
  it('describes the contract’s error body once, as a component', () => {
    expect(doc.components.schemas.Error).toMatchObject({
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } },
        },
      },
    });
  });

  it('gives every route the answers that follow from what it is, all referring to the one error schema', () => {
    expect(operations().length).toBeGreaterThan(35);
    for (const { path, method, operation } of operations()) {
      const codes = Object.keys(operation.responses);
      const expected = ['422', '500', '503'];
      if (['post', 'put', 'patch'].includes(method)) expected.push('400', '413', '415');
      if (['post', 'put', 'patch', 'delete'].includes(method)) expected.push('403');
      if (path.includes('{')) expected.push('404');
      expect(codes, `${method} ${path}`).toEqual(expect.arrayContaining(expected));
      for (const code of codes.filter((c) => Number(c) >= 400)) {
        expect(operation.responses[code]!.content?.['application/json']?.schema, `${method} ${path} ${code}`).toEqual(
          ERROR_REF,
        );
      }
    }
  });

  it('declares 401 where a route needs a signed-in caller or a signature, and only there', () => {
    for (const [path, method] of [
      ['/api/me', 'get'],
      ['/api/meetings/types', 'post'],
      ['/api/meetings/bookings', 'get'],
      ['/api/meetings/bookings/{uid}', 'get'],
      ['/api/integrations', 'get'],
      ['/api/webhooks/endpoints/{id}', 'delete'],
      ['/api/auth/login', 'post'],
      ['/api/workflows/execute-action', 'post'],
    ] as const) {
      expect(codesOf(path, method), `${method} ${path}`).toContain('401');
    }
    for (const [path, method] of [
      ['/api/health', 'get'],
      ['/api/auth/csrf', 'get'],
      ['/api/meetings/book', 'post'],
      ['/api/public/users/{username}', 'get'],
    ] as const) {
      expect(codesOf(path, method), `${method} ${path}`).not.toContain('401');
    }
  });

  it('declares 429 on rate-limited routes and the route-specific answers beside them', () => {
    expect(codesOf('/api/meetings/book', 'post')).toEqual(expect.arrayContaining(['201', '404', '409', '429']));
    expect(codesOf('/api/meetings/slots', 'get')).toEqual(expect.arrayContaining(['200', '404', '429']));
    expect(codesOf('/api/meetings/slots/stream', 'get')).toEqual(expect.arrayContaining(['404', '429']));
    expect(codesOf('/api/auth/signup', 'post')).toEqual(expect.arrayContaining(['201', '409', '429']));
    expect(codesOf('/api/meetings/types/{id}', 'delete')).toEqual(expect.arrayContaining(['200', '404', '409']));
    expect(codesOf('/api/auth/csrf', 'get')).not.toContain('429');
  });
});
