// Calls the REST API with the session cookie; unsafe methods carry the CSRF token from login.
let csrf = sessionStorage.getItem('segmenta.csrf');

export function setCsrf(token) {
  csrf = token;
  if (token) sessionStorage.setItem('segmenta.csrf', token); else sessionStorage.removeItem('segmenta.csrf');
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, { method = 'GET', json, body, headers = {} } = {}) {
  const h = { ...headers };
  if (method !== 'GET' && csrf) h['X-CSRF-Token'] = csrf;
  if (json !== undefined) { h['Content-Type'] = 'application/json'; body = JSON.stringify(json); }
  const response = await fetch('api/v1' + path, { method, headers: h, body, credentials: 'same-origin' });
  const type = response.headers.get('content-type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}
