/** Payloads shaped like GitHub's webhook deliveries (trimmed of URLs, same structure). */
const repository = {
  id: 1296269,
  node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
  name: 'payments-api',
  full_name: 'skyline/payments-api',
  private: true,
  owner: { login: 'skyline', id: 1, type: 'Organization' },
  html_url: 'https://github.com/skyline/payments-api',
  default_branch: 'main',
};
const sender = { login: 'ana', id: 2, type: 'User' };

function pullRequest(patch: Record<string, unknown> = {}) {
  return {
    url: 'https://api.github.com/repos/skyline/payments-api/pulls/42',
    id: 1,
    node_id: 'MDExOlB1bGxSZXF1ZXN0MQ==',
    html_url: 'https://github.com/skyline/payments-api/pull/42',
    number: 42,
    state: 'open',
    locked: false,
    title: 'Retry card authorisations once',
    user: { login: 'ana', id: 2, type: 'User' },
    body: 'Adds one retry.',
    created_at: '2026-11-30T08:00:00Z',
    updated_at: '2026-11-30T08:00:00Z',
    closed_at: null,
    merged_at: null,
    merge_commit_sha: 'e5bd3914e2e596debea16f433f57875b5b90bcd6',
    draft: false,
    head: {
      label: 'skyline:retry',
      ref: 'retry',
      sha: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
    },
    base: {
      label: 'skyline:main',
      ref: 'main',
      sha: '9049f1265b7d61be4a8904a9a27120d2064dab3b',
    },
    merged: false,
    mergeable: null,
    comments: 0,
    review_comments: 0,
    commits: 3,
    additions: 120,
    deletions: 30,
    changed_files: 5,
    ...patch,
  };
}

export const prOpened = {
  action: 'opened',
  number: 42,
  pull_request: pullRequest(),
  repository,
  sender,
};

export const prMerged = {
  action: 'closed',
  number: 42,
  pull_request: pullRequest({
    state: 'closed',
    closed_at: '2026-11-30T14:00:00Z',
    merged_at: '2026-11-30T14:00:00Z',
    merged: true,
    merge_commit_sha: 'c0ffee0000000000000000000000000000000001',
  }),
  repository,
  sender,
};

export const prClosedUnmerged = {
  ...prMerged,
  pull_request: pullRequest({
    number: 43,
    state: 'closed',
    closed_at: '2026-11-30T15:00:00Z',
    merged_at: null,
    merged: false,
  }),
  number: 43,
};

export const reviewSubmitted = {
  action: 'submitted',
  review: {
    id: 80,
    node_id: 'MDE3OlB1bGxSZXF1ZXN0UmV2aWV3ODA=',
    user: { login: 'ben', id: 3, type: 'User' },
    body: 'Looks good',
    commit_id: '6dcb09b5b57875f334f61aebed695e2e4193db5e',
    submitted_at: '2026-11-30T10:30:00Z',
    state: 'approved',
    author_association: 'MEMBER',
  },
  // GitHub's review payload carries the PR without additions/deletions.
  pull_request: (({ additions, deletions, changed_files, merged, ...rest }) =>
    rest)(pullRequest()),
  repository,
  sender: { login: 'ben', id: 3, type: 'User' },
};
