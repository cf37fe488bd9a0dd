import { describe, expect, test } from 'vitest';
import { e2eSession } from './helpers/app.js';
import { createMeetingType, newAccount, openEditorSection, signUp } from './helpers/flows.js';

const session = e2eSession();

describe('questions added in the meeting-type editor', () => {
  test('are saved with ids the server made, and keep them when the type is saved again', async () => {
    const context = await session.newContext('desktop', 'Europe/Berlin');
    try {
      const page = await context.newPage();
      await signUp(page, newAccount());
      await createMeetingType(page, { title: 'Discovery call', question: 'What should we cover?' });
      const idsOf = async () => {
        const res = await page.request.get('/api/meetings/types');
        const body = (await res.json()) as { meetingTypes: { title: string; questions: { id: string }[] }[] };
        // Beside the starter type from sign-up.
        return body.meetingTypes.find((t) => t.title === 'Discovery call')!.questions.map((q) => q.id);
      };
      const [id] = await idsOf();
      expect(id).toMatch(/^q_[a-z2-7]{8}$/);

      await page.getByRole('link', { name: 'Discovery call', exact: true }).click();
      await openEditorSection(page, 'Questions');
      await page.getByRole('button', { name: 'Add a question' }).click();
      await page.getByLabel('Question', { exact: true }).nth(1).fill('Your company');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Saved.', { exact: true }).waitFor();
      const ids = await idsOf();
      expect(ids[0]).toBe(id);
      expect(ids[1]).toMatch(/^q_[a-z2-7]{8}$/);
    } finally {
      await context.close();
    }
  });
});
