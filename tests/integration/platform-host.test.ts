/** Browser mode's host, hardened (SPEC §10): token, Host header, JSON only, 1 MiB, no files outside the renderer. */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host';
import { tempDir } from '../helpers/core';

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A raw request, so the test controls the Host header and the path exactly (fetch would normalise both). */
function request(host: RunningHost, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path ?? '/', headers: { host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const rpc = (host: RunningHost, body: unknown, headers: Record<string, string> = {}) =>
  request(host, {
    method: 'POST',
    path: '/api/rpc',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('browser-mode host', () => {
  let host: RunningHost;
  let root: string;
  beforeAll(async () => {
    root = tempDir('ukm-mart-host-');
    const rendererDir = path.join(root, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>UKM Mart</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'SECRET OUTSIDE THE RENDERER');
    host = await startHost({ dataDir: path.join(root, 'data'), rendererDir, port: 0, token: 'test-token-123' });
  });
  afterAll(async () => {
    await host?.close();
  });

  it('binds 127.0.0.1 and answers the API with the token', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.appUrl).toBe(`${host.url}/#token=test-token-123`);
    const res = await rpc(host, { method: 'system.status', input: {} });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { state: 'ready', shell: 'browser' } });
  });

  it('answers 401 without the token or with a wrong one', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-123', 'Bearer test-token-12', 'test-token-123', 'Basic dGVzdA==']) {
      const res = await request(host, {
        method: 'POST',
        path: '/api/rpc',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ method: 'settings.get', input: {} }),
      });
      expect(res.status, String(authorization)).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('refuses a Host header other than the loopback address and port it serves (DNS rebinding)', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1', `0.0.0.0:${host.port}`]) {
      const res = await rpc(host, { method: 'system.status', input: {} }, { host: hostHeader });
      expect(res.status, hostHeader).toBe(421);
      const page = await request(host, { path: '/', headers: { host: hostHeader } });
      expect(page.status, hostHeader).toBe(421);
    }
    expect((await rpc(host, { method: 'system.status', input: {} }, { host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses non-JSON bodies (415) and malformed JSON (400)', async () => {
    expect((await rpc(host, 'method=system.status', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await rpc(host, '{"method":"system.status"}', { 'content-type': 'text/plain' })).status).toBe(415);
    const bad = await rpc(host, '{"method": ');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await rpc(host, '[1,2]')).status).toBe(400);
    expect((await request(host, { method: 'GET', path: '/api/rpc' })).status).toBe(405);
  });

  it('refuses bodies over 1 MiB (413), declared or streamed', async () => {
    const big = JSON.stringify({ method: 'settings.update', input: { storeName: 'x'.repeat(1024 * 1024 + 10) } });
    const declared = await rpc(host, big);
    expect(declared.status).toBe(413);
    // Chunked: no content-length, the host counts as it reads.
    const streamed = await new Promise<number>((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/rpc',
          headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', authorization: `Bearer ${host.token}`, 'transfer-encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', () => resolve(-1));
      for (let i = 0; i < 20; i++) req.write(Buffer.alloc(64 * 1024, 0x20));
      req.end();
    });
    expect([413, -1]).toContain(streamed);
    // Nothing was written.
    expect(JSON.parse((await rpc(host, { method: 'settings.get', input: {} })).body).value.storeName).toBe('UKM Mart');
  });

  it('never serves files outside the built renderer', async () => {
    expect((await request(host, { path: '/assets/app.js' })).body).toBe('console.log(1)');
    for (const p of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt', '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/....//secret.txt', '/%252e%252e/secret.txt', `/${encodeURIComponent(path.join(root, 'secret.txt'))}`]) {
      const res = await request(host, { path: p });
      expect(res.body, p).not.toContain('SECRET');
      expect(res.body, p).not.toContain('root:');
    }
    expect((await request(host, { path: '/%E0%A4%A' })).status).toBe(400);
  });

  it('serves the app with a strict CSP, and app routes fall back to index.html', async () => {
    const res = await request(host, { path: '/catalogue' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>UKM Mart</title>');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self';/);
    expect(res.headers['content-security-policy']).toMatch(/object-src 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect((await request(host, { path: '/missing.js' })).status).toBe(404);
    expect((await request(host, { method: 'POST', path: '/index.html' })).status).toBe(405);
  });

  it('answers NOT_FOUND for an unknown method and a VALIDATION envelope for bad input', async () => {
    const unknown = JSON.parse((await rpc(host, { method: 'sales.teleport', input: {} })).body);
    expect(unknown).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Metode tidak dikenal: sales.teleport' } });
    const invalid = JSON.parse((await rpc(host, { method: 'auth.signIn', input: { staffId: 1.5, pin: '1234', extra: 1 } })).body);
    expect(invalid).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.any(String), field: expect.any(String) } });
    expect(Object.keys(invalid)).toEqual(['ok', 'error']);
    const missingMethod = await rpc(host, { input: {} });
    expect(missingMethod.status).toBe(400);
  });

  it('runs asynchronous methods (backup.create) through callAsync, for a signed-in manager (X-UKM-Session)', async () => {
    // No session: refused before anything is written; the session rides in its own header beside the launch token.
    expect(JSON.parse((await rpc(host, { method: 'backup.create', input: {} })).body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const boss = JSON.parse((await rpc(host, { method: 'staff.create', input: { name: 'Bu Ani', role: 'manager', pin: '4321' } })).body).value as { id: number };
    const { sessionId } = JSON.parse((await rpc(host, { method: 'auth.signIn', input: { staffId: boss.id, pin: '4321' } })).body).value as { sessionId: string };
    const res = JSON.parse((await rpc(host, { method: 'backup.create', input: {} }, { 'x-ukm-session': sessionId })).body);
    expect(res).toMatchObject({ ok: true, value: { kind: 'manual', file: expect.stringContaining(path.join(root, 'data', 'backups')) } });
  });
});
