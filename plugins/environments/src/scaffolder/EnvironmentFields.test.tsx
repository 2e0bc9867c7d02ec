import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { EnvironmentClass } from '@internal/plugin-environments-common';
import {
  FakeEnvironmentsApi,
  PREVIEW_CLASS,
} from '../__testUtils__/fakeEnvironmentsApi';
import { environmentsApiRef } from '../api/environmentsApiRef';
import { environmentFieldOptions } from './formFields';

const SANDBOX: EnvironmentClass = {
  id: 'sandbox',
  title: 'Sandbox',
  description: 'Longer-lived; the platform team approves each request.',
  ttl: { defaultHours: 168, maxHours: 720 },
  quota: { activePerTeam: 2 },
  approval: { required: true },
  resources: [
    {
      name: 'db',
      type: 'postgres',
      description: 'A PostgreSQL database',
      parameters: { connectionLimit: 20 },
      settable: { connectionLimit: { type: 'integer', min: 5, max: 50 } },
    },
  ],
};

/** The environment template's second step, as examples/templates/environment has it. */
const manifest = {
  title: 'Environment for a component',
  steps: [
    {
      title: 'Environment',
      schema: {
        required: ['className', 'name'],
        properties: {
          className: {
            title: 'Class',
            type: 'string',
            'ui:field': 'EnvironmentClassPicker',
          },
          name: { title: 'Name', type: 'string' },
          ttlHours: {
            title: 'Lifetime (hours)',
            type: 'number',
            'ui:field': 'EnvironmentLifetime',
          },
          parameters: {
            title: 'Parameters',
            type: 'object',
            'ui:field': 'EnvironmentParameters',
          },
        },
      },
    },
  ],
};

// The stepper scrolls to the top of each step; jsdom has no scrolling.
beforeAll(() => {
  window.scrollTo = jest.fn() as typeof window.scrollTo;
});

async function renderForm() {
  const api = new FakeEnvironmentsApi();
  api.classes = { ...api.classes, classes: [PREVIEW_CLASS, SANDBOX] };
  const onCreate = jest.fn(async () => {});
  // The fields load the classes as they mount.
  await act(async () => {
    await renderInTestApp(
      <Stepper
        manifest={manifest}
        extensions={Object.values(environmentFieldOptions)}
        onCreate={onCreate}
      />,
      { apis: [[environmentsApiRef, api]] },
    );
  });
  await screen.findByRole('radio', { name: /Preview environment/ });
  return { api, onCreate };
}

function typeNumber(label: RegExp | string, value: string) {
  const input = screen.getByRole('textbox', { name: label });
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
}

async function review() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
  });
}

describe('the environment form fields', () => {
  it("lists the platform team's classes with what each gives", async () => {
    const { api } = await renderForm();
    const sandbox = screen.getByRole('radio', { name: /Sandbox/ });
    expect(sandbox.closest('label')).toHaveTextContent(
      'Longer-lived; the platform team approves each request.',
    );
    expect(sandbox.closest('label')).toHaveTextContent(
      'Lifetime 168 hours (7 d) by default, at most 720 hours (30 d)',
    );
    expect(sandbox.closest('label')).toHaveTextContent(
      "Needs the platform team's approval",
    );
    expect(
      screen
        .getByRole('radio', { name: /Preview environment/ })
        .closest('label'),
    ).toHaveTextContent('No approval needed');
    // The three fields share one request.
    expect(api.callsOf('listClasses')).toHaveLength(1);
  });

  it("refuses a lifetime above the class maximum before the task starts, with the class's limit", async () => {
    const { onCreate } = await renderForm();
    fireEvent.click(screen.getByRole('radio', { name: /Preview environment/ }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), {
      target: { value: 'pr-1' },
    });
    await screen.findByText(
      'Preview environment: 48 hours (2 d) when left empty, at most 168 hours (7 d).',
    );
    typeNumber(/Lifetime/, '200');
    const message =
      '200 hours is above the class maximum of 168 hours (7 d) for Preview environment';
    // Said as the person types...
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    // ...and on Review the scaffolder's check refuses it: the form's error list and the field
    // say it, the live hint steps aside, and the review step does not open.
    await review();
    await waitFor(() =>
      expect(screen.queryByRole('alert')).not.toBeInTheDocument(),
    );
    expect(screen.getByText(`'Lifetime (hours)' ${message}`)).toBeVisible();
    expect(screen.getByText(message)).toBeVisible();
    expect(
      screen.queryByRole('button', { name: 'Create' }),
    ).not.toBeInTheDocument();

    typeNumber(/Lifetime/, '100');
    await review();
    await screen.findByRole('button', { name: 'Create' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    });
    expect(onCreate).toHaveBeenCalledWith(
      expect.objectContaining({ className: 'preview', ttlHours: 100 }),
    );
  });

  it("offers the chosen class's settable parameters within their limits", async () => {
    const { onCreate } = await renderForm();
    expect(
      screen.getByText('Choose a class to see what you can set.'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: /Sandbox/ }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), {
      target: { value: 'load-1' },
    });
    await screen.findByLabelText('db parameters');
    expect(
      screen.getByText(/From 5 to 50, a whole number\. Class default: 20\./),
    ).toBeInTheDocument();

    typeNumber('connectionLimit', '60');
    await review();
    await waitFor(() =>
      expect(
        screen.getAllByText(/db\.connectionLimit: Too big/).length,
      ).toBeGreaterThan(0),
    );

    typeNumber('connectionLimit', '30');
    await review();
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Create' }));
    });
    expect(onCreate).toHaveBeenCalledWith(
      expect.objectContaining({
        className: 'sandbox',
        parameters: { db: { connectionLimit: 30 } },
      }),
    );
  });

  it('says so when a class has nothing to set', async () => {
    await renderForm();
    fireEvent.click(screen.getByRole('radio', { name: /Preview environment/ }));
    expect(
      await screen.findByText(
        'Preview environment has no parameters to set: the platform team fixed them all.',
      ),
    ).toBeInTheDocument();
  });
});
