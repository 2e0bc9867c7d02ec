import {
  ANNOTATION_ESCALATION,
  ANNOTATION_OPSGENIE,
  ANNOTATION_PAGERDUTY,
  OwnershipProblem,
} from '../problems';

type Annotations = Record<string, string | undefined>;

/**
 * PagerDuty object ids: uppercase letters and digits, `P` and six more in every id PagerDuty
 * has issued for services (e.g. `PX1A2B3`); up to 14 allows the longer ids of newer objects.
 */
const PAGERDUTY_ID = /^[A-Z0-9]{7,14}$/;
/** An escalation contact: a rota, a person or an entity ref, without spaces. */
const CONTACT = /^[A-Za-z0-9][A-Za-z0-9._@:/-]*$/;

/** Whether the entity names an on-call (either annotation present, well formed or not). */
export function hasOnCall(annotations: Annotations): boolean {
  return (
    annotations[ANNOTATION_PAGERDUTY] !== undefined ||
    annotations[ANNOTATION_OPSGENIE] !== undefined
  );
}

/** Malformed on-call annotations: empty, both tools at once, or a bad PagerDuty id. */
export function onCallProblems(annotations: Annotations): OwnershipProblem[] {
  const problems: OwnershipProblem[] = [];
  const malformed = (field: string, message: string) =>
    problems.push({
      code: 'oncall-malformed',
      level: 'warning',
      field,
      message,
    });
  const pagerDuty = annotations[ANNOTATION_PAGERDUTY];
  const opsgenie = annotations[ANNOTATION_OPSGENIE];
  if (pagerDuty !== undefined && opsgenie !== undefined) {
    malformed(
      `metadata.annotations.${ANNOTATION_PAGERDUTY}`,
      `Both ${ANNOTATION_PAGERDUTY} and ${ANNOTATION_OPSGENIE} are set; use one on-call tool`,
    );
  }
  if (pagerDuty !== undefined) {
    if (pagerDuty.trim() === '') {
      malformed(
        `metadata.annotations.${ANNOTATION_PAGERDUTY}`,
        `${ANNOTATION_PAGERDUTY} is empty`,
      );
    } else if (!PAGERDUTY_ID.test(pagerDuty.trim())) {
      malformed(
        `metadata.annotations.${ANNOTATION_PAGERDUTY}`,
        `${ANNOTATION_PAGERDUTY} "${pagerDuty}" is not a PagerDuty service id (7 to 14 uppercase letters and digits, e.g. PX1A2B3)`,
      );
    }
  }
  if (opsgenie !== undefined && opsgenie.trim() === '') {
    malformed(
      `metadata.annotations.${ANNOTATION_OPSGENIE}`,
      `${ANNOTATION_OPSGENIE} is empty`,
    );
  }
  return problems;
}

/** The contacts of an escalation policy in order, or undefined when it is not set. */
export function escalationContacts(
  annotations: Annotations,
): string[] | undefined {
  const value = annotations[ANNOTATION_ESCALATION];
  return value === undefined ? undefined : value.split('->').map(c => c.trim());
}

/** A malformed `runway.dev/escalation-policy`: empty, empty steps, bad or repeated contacts. */
export function escalationProblems(
  annotations: Annotations,
): OwnershipProblem[] {
  const contacts = escalationContacts(annotations);
  if (contacts === undefined) return [];
  const field = `metadata.annotations.${ANNOTATION_ESCALATION}`;
  const problem = (message: string): OwnershipProblem => ({
    code: 'escalation-malformed',
    level: 'warning',
    field,
    message: `${ANNOTATION_ESCALATION} ${message}`,
  });
  if (contacts.every(c => c === '')) return [problem('is empty')];
  const problems: OwnershipProblem[] = [];
  if (contacts.some(c => c === '')) {
    problems.push(
      problem(
        `"${annotations[ANNOTATION_ESCALATION]}" has an empty step; separate contacts with "->"`,
      ),
    );
  }
  const named = contacts.filter(c => c !== '');
  for (const contact of named.filter(c => !CONTACT.test(c))) {
    problems.push(
      problem(
        `contact "${contact}" is not a contact name (letters, digits, . _ @ : / -, no spaces)`,
      ),
    );
  }
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const contact of named) {
    const key = contact.toLocaleLowerCase('en-US');
    if (seen.has(key) && !repeated.has(key)) {
      problems.push(problem(`lists "${contact}" more than once`));
      repeated.add(key);
    }
    seen.add(key);
  }
  if (named.length === 1) {
    problems.push(
      problem(
        `has a single contact "${named[0]}"; name whom to escalate to after it`,
      ),
    );
  }
  return problems;
}
