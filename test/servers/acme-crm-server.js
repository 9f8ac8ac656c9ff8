/**
 * A stand-in for a third-party CRM's own REST API ("Acme CRM"), for the adapter guide's worked
 * example: `GET /v2/reports/<report>?period=day|month|quarter|year` with a bearer token answers
 * Acme's report shape (not crm-pulse frames); an unknown report is a 404, a missing token a 401.
 */
import { createServer } from 'node:http';

const TOTALS = { revenue: 1_234_567, new_leads: 1840 };
const POINTS = { day: 12, month: 30, quarter: 13, year: 12 };

function report(name, period) {
  const now = Date.now();
  const total = TOTALS[name] * (1 + (now % 10_000) / 1e6);
  const points = POINTS[period] ?? 13;
  return {
    report: name,
    ...(name === 'revenue' ? { currency: 'EUR' } : {}),
    generated_at: new Date(now).toISOString(),
    series: Array.from({ length: points }, (_, i) => ({
      date: new Date(now - (points - 1 - i) * 86_400_000).toISOString().slice(0, 10),
      total_to_date: Math.round((total * (i + 1)) / points),
    })),
    previous_total: Math.round(total * 0.9),
    goal: Math.round(total * 1.2),
  };
}

export async function startAcmeCrm() {
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status, body) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const match = /^\/v2\/reports\/([^/]+)$/.exec(url.pathname);
    if (!match) return send(404, { message: 'no such route' });
    if (!req.headers.authorization?.startsWith('Bearer ') || req.headers.authorization === 'Bearer ') return send(401, { message: 'missing token' });
    const name = decodeURIComponent(match[1]);
    if (!(name in TOTALS)) return send(404, { message: `no report named ${name}` });
    send(200, report(name, url.searchParams.get('period')));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve(undefined)))),
  };
}
