// The one way views talk to the server: JSON in, JSON out, errors as Error(message) from {"error": {...}}.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(path, { method = 'GET', body, raw } = {}) {
  const options = { method, credentials: 'same-origin', headers: {} };
  if (raw !== undefined) {
    options.body = raw;
  } else if (body !== undefined) {
    options.body = JSON.stringify(body);
    options.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, options);
  const text = response.status === 204 ? '' : await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch (e) { json = null; }
  }
  if (!response.ok) {
    const error = json && json.error;
    throw new ApiError(response.status, error ? error.code : 'http_' + response.status,
      error ? error.message : `${method} ${path}: ${response.status} ${response.statusText}`);
  }
  return json;
}

/** A dashboard read, passing the route's source=raw|rollups through when it has one. */
export function dashboard(endpoint, query, params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  if (params && params.source) search.set('source', params.source);
  return api(`/api/v1/dashboard/${endpoint}?${search}`);
}
