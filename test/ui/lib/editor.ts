import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** What locatorMode reads of the page's elements (the tests compile without the DOM's types). */
interface DomElement {
	scrollWidth: number;
	clientWidth: number;
	innerText: string;
	textContent: string | null;
	value?: string;
	children: { length: number };
	querySelector(selector: string): DomElement | null;
	querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** Text that is exactly this, give or take surrounding white space. */
export function exactly(text: string): RegExp {
	return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/**
 * What a person does in n8n's editor, by n8n's own `data-test-id` attributes (the ones n8n's
 * Playwright suite uses), with text only where the text is what is being checked.
 */
export class Editor {
	constructor(
		readonly page: Page,
		readonly baseUrl: string,
		private readonly shots: string,
	) {
		fs.mkdirSync(path.join(shots, 'steps'), { recursive: true });
		// n8n's editor loads slowly on a busy 2-core machine; nothing here is a timing check.
		page.setDefaultTimeout(45_000);
	}

	byId(id: string, root: Page | Locator = this.page): Locator {
		return root.locator(`[data-test-id="${id}"]`);
	}

	async signIn(email: string, password: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page
			.locator('input[type=email], input[name=emailOrLdapLoginId], input[name=email]')
			.first()
			.fill(email);
		await this.page.locator('input[type=password]').first().fill(password);
		await this.byId('form-submit-button').click();
		await this.page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
	}

	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`);
		await this.byId('canvas-node').first().waitFor({ timeout: 120_000 });
	}

	async newWorkflow(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/new`);
		await this.byId('canvas-plus-button')
			.or(this.byId('canvas-add-button'))
			.first()
			.waitFor({ timeout: 30_000 });
	}

	canvasNode(name: string): Locator {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	async openNode(name: string): Promise<void> {
		await this.canvasNode(name).dblclick();
		await this.ndv().waitFor();
	}

	ndv(): Locator {
		return this.byId('ndv');
	}

	async closeNdv(): Promise<void> {
		// 2.8 has a "back to canvas" link, 2.41 a close button
		await this.byId('back-to-canvas').or(this.byId('ndv-close-button')).first().click();
		await this.ndv().waitFor({ state: 'hidden' });
	}

	parameter(name: string): Locator {
		return this.byId(`parameter-input-${name}`, this.ndv());
	}

	/** The labels of the parameters the NDV shows, top to bottom (collections' added options included). */
	async parameterLabels(root: Locator = this.byId('node-parameters')): Promise<string[]> {
		const labels = await root.locator('[data-test-id="input-label"] label').allInnerTexts();
		// the Fixed / Expression switch of a field is labelled too
		return labels
			.map((t) => t.split('\n')[0].trim())
			.filter((t) => t !== '' && t !== 'Fixed' && t !== 'Expression');
	}

	/** The parameter row whose label is exactly this. */
	parameterItem(label: string): Locator {
		return this.byId('node-parameters')
			.locator('[data-test-id="parameter-item"]')
			.filter({
				has: this.page.locator('[data-test-id="input-label"] label', { hasText: exactly(label) }),
			})
			.first();
	}

	/** The options of the dropdown that is open now. */
	async openDropdownOptions(): Promise<string[]> {
		const popper = this.page.locator('.el-popper:visible, .el-select-dropdown:visible').last();
		await popper.waitFor();
		const texts = await popper.locator('.el-select-dropdown__item, [role=option]').allInnerTexts();
		return texts.map((t) => t.split('\n')[0].trim()).filter(Boolean);
	}

	async selectOption(parameterName: string, option: string): Promise<void> {
		await this.parameter(parameterName).click();
		await this.page
			.locator('[role=option]:visible')
			.filter({ has: this.page.getByText(option, { exact: true }) })
			.first()
			.click();
		await this.page.waitForTimeout(300);
	}

	// ── nodes panel ──
	async openNodeCreator(): Promise<void> {
		await this.byId('node-creator-plus-button').or(this.byId('canvas-plus-button')).first().click();
		await this.byId('node-creator').waitFor();
	}

	async searchNodes(text: string): Promise<void> {
		await this.byId('node-creator-search-bar').fill(text);
		await this.page.waitForTimeout(300);
	}

	private async itemTexts(locator: Locator): Promise<string[]> {
		await locator.first().waitFor();
		return (await locator.allInnerTexts()).map((t) => t.split('\n')[0].trim()).filter(Boolean);
	}

	async nodeCreatorItems(): Promise<string[]> {
		return await this.itemTexts(
			this.byId('node-creator').locator('[data-test-id="node-creator-item-name"]'),
		);
	}

	async pickNodeCreatorItem(name: string): Promise<void> {
		await this.byId('node-creator')
			.locator('[data-test-id="item-iterator-item"]')
			.filter({
				has: this.page.locator('[data-test-id="node-creator-item-name"]', {
					hasText: exactly(name),
				}),
			})
			.first()
			.click();
	}

	/** The actions listed for the picked node, with its "Actions" section opened. */
	async nodeCreatorActions(): Promise<string[]> {
		const section = this.byId('node-creator-category-item').filter({ hasText: /^\s*Actions/ });
		if (await section.count()) {
			const container = section.first().locator('..');
			if ((await container.getAttribute('data-category-collapsed')) === 'true')
				await section.first().click();
		}
		return await this.itemTexts(
			this.byId('node-creator').locator('[data-test-id="node-creator-item-name"]'),
		);
	}

	// ── parameters ──
	async fillParameter(name: string, value: string): Promise<void> {
		const input = this.parameter(name).locator('input, textarea').first();
		await input.fill(value);
		await input.blur();
		await this.page.waitForTimeout(300);
	}

	/** The options the "Add Option" button of a collection (by its label) offers. */
	async collectionOptions(label: string): Promise<string[]> {
		await this.parameterItem(label)
			.locator('[data-test-id="collection-parameter-add"]')
			.first()
			.click();
		const list = this.page
			.locator('[data-test-id="collection-parameter-option"]')
			.filter({ visible: true });
		const options = await this.itemTexts(list);
		await this.page.keyboard.press('Escape');
		// gone before the next list opens, or both would be read as one
		await list.first().waitFor({ state: 'hidden' });
		return options;
	}

	async addCollectionOption(label: string, option: string): Promise<void> {
		await this.parameterItem(label)
			.locator('[data-test-id="collection-parameter-add"]')
			.first()
			.click();
		await this.page
			.locator('[data-test-id="collection-parameter-option"]:visible')
			.filter({ hasText: exactly(option) })
			.first()
			.click();
	}

	/** The resolved value an expression parameter shows under its field. */
	async expressionPreview(name: string): Promise<string> {
		// n8n 2.41 names the preview after the parameter; older lines call it "-value"
		const preview = this.ndv()
			.locator(`[data-test-id="parameter-expression-preview-${name}"]`)
			.or(this.ndv().locator('[data-test-id="parameter-expression-preview-value"]:visible'));
		const focused = !(await preview.first().isVisible());
		// n8n shows an expression's result while its field has the focus
		if (focused)
			await this.byId(`parameter-input-${name}`, this.ndv())
				.locator('.cm-content, input, textarea')
				.first()
				.click();
		await preview.first().waitFor();
		// the preview is one line cut with an ellipsis by CSS; its text is whole
		const text = (await preview.first().innerText()).trim();
		// not Escape: n8n 2.41 closes the whole panel on it
		if (focused) await this.ndv().getByText('Parameters', { exact: true }).first().click();
		return text;
	}

	/**
	 * The URLs n8n's own "Webhook URLs" section of a trigger's panel shows, for its Test URL or its
	 * Production URL tab (one per HTTP method the node listens to).
	 */
	async webhookUrls(tab: 'Test URL' | 'Production URL'): Promise<string[]> {
		const urls = this.ndv().locator('.webhook-url');
		// collapsed at first for most triggers: the headline opens it
		if (!(await urls.first().isVisible()))
			await this.ndv()
				.locator('.headline')
				.filter({ hasText: /Webhook URLs/ })
				.first()
				.click();
		await urls.first().waitFor();
		await this.ndv().getByText(tab, { exact: true }).first().click();
		await this.page.waitForTimeout(300);
		return (await urls.allInnerTexts()).map((text) => text.trim());
	}

	/** Where the panel's "Docs" link goes, as n8n wrote it (with its own query added). */
	async docsLink(): Promise<string> {
		const link = this.ndv()
			.locator('a')
			.filter({ hasText: exactly('Docs') })
			.first();
		return (await link.getAttribute('href')) ?? '';
	}

	/**
	 * The mode a resource locator's mode selector shows, and whether that text fits in the box
	 * (a label too long for it is cut, as "By Number" was, to "By Numt").
	 */
	async locatorMode(name: string): Promise<{ label: string; fits: boolean }> {
		const selector = this.byId('rlc-mode-selector', this.parameter(name)).first();
		await selector.waitFor();
		return await selector.evaluate((node) => {
			const root = node as unknown as DomElement;
			const style = (element: DomElement) =>
				(
					globalThis as unknown as { getComputedStyle(e: DomElement): { overflow: string } }
				).getComputedStyle(element).overflow;
			const input = root.querySelector('input');
			const label = (input?.value || root.innerText || '').trim();
			const overflows = (element: DomElement) => element.scrollWidth > element.clientWidth + 1;
			const cut =
				(input !== null && overflows(input)) ||
				[root, ...Array.from(root.querySelectorAll('*'))].some(
					(element) =>
						overflows(element) &&
						element.children.length === 0 &&
						(element.textContent ?? '').includes(label) &&
						style(element) !== 'visible',
				);
			return { label, fits: !cut };
		});
	}

	// ── pickers (resource locators and options loaded from SMSC) ──
	/** Opens a resource locator's list (or an options dropdown) and reads what it shows. */
	async openPicker(name: string): Promise<string[]> {
		// a resource locator's own input (not its mode selector); an options field's input otherwise
		const rlc = this.parameter(name).locator(
			'[data-test-id="rlc-input"] input, input[data-test-id="rlc-input"]',
		);
		await ((await rlc.count()) ? rlc : this.parameter(name).locator('input')).first().click();
		return await this.pickerItems();
	}

	/** What the open resource-locator list shows once it has loaded: its entries, or why it could not load. */
	async pickerItems(): Promise<string[]> {
		// the list has a search box, or says it could not load; its container class differs between n8n lines
		const anchor = this.page
			.locator('input[placeholder^="Search"]:visible')
			.or(this.page.getByText('Could not load list').filter({ visible: true }))
			.first();
		await anchor.waitFor();
		await this.page.waitForTimeout(1500);
		const container = anchor.locator(
			'xpath=ancestor::*[contains(@class,"popover") or contains(@class,"popper") or @role="dialog" or @data-reka-popper-content-wrapper or @data-radix-popper-content-wrapper][1]',
		);
		const text = (await container.count())
			? await container.first().innerText()
			: await anchor.locator('xpath=../../..').innerText();
		return text
			.split('\n')
			.map((t) => t.trim())
			.filter(Boolean);
	}

	/** Types into the search box of the open resource-locator list and reads what it shows then. */
	async searchPicker(text: string): Promise<string[]> {
		// the list opens with its search box focused, so the user just types
		await this.page.keyboard.type(text, { delay: 50 });
		// n8n's editor sends the search a second after the last key
		await this.page.waitForTimeout(1500);
		return await this.pickerItems();
	}

	/** Closes an open list by clicking elsewhere in the panel: n8n's resource-locator list ignores Escape. */
	async closePicker(): Promise<void> {
		await this.ndv().getByText('Parameters', { exact: true }).first().click();
		await this.page.waitForTimeout(300);
	}

	/** The text a picker shows when loading its list failed. */
	async pickerError(name: string): Promise<string> {
		return (await this.openPicker(name)).join('\n');
	}

	// ── running ──
	async executeStep(opts: { wait?: boolean } = {}): Promise<void> {
		await this.byId('node-execute-button', this.ndv()).click();
		if (opts.wait === false) return;
		await this.byId('output-panel')
			.locator('[data-test-id="ndv-data-container"], [data-test-id="ndv-items-count"]')
			.first()
			.waitFor({ timeout: 60_000 });
	}

	async waitForListening(): Promise<void> {
		await this.ndv()
			.getByText(/Listening for test event|Waiting for/i)
			.first()
			.waitFor({ timeout: 30_000 });
	}

	async executeWorkflow(): Promise<void> {
		await this.byId('execute-workflow-button').first().click();
		await this.page
			.getByText(/Workflow executed successfully|executed successfully/i)
			.first()
			.waitFor({ timeout: 60_000 });
	}

	/** The items the output panel shows, read from its JSON view. */
	async outputJson(): Promise<Array<Record<string, unknown>>> {
		const panel = this.byId('output-panel');
		await panel.locator('[data-test-id="ndv-data-container"]').first().waitFor({ timeout: 60_000 });
		await panel.getByRole('radio', { name: 'JSON' }).click();
		// the JSON view renders only the lines in sight: a tall window shows all of a few items
		const size = this.page.viewportSize();
		await this.page.setViewportSize({ width: size?.width ?? 1440, height: 3000 });
		await this.page.waitForTimeout(500);
		const text = await panel
			.locator('.json-data, [data-test-id="ndv-data-container"]')
			.first()
			.innerText();
		if (size) await this.page.setViewportSize(size);
		// the JSON view indents with non-breaking spaces
		return JSON.parse(text.replace(/\u00a0/g, ' ')) as Array<Record<string, unknown>>;
	}

	async outputText(): Promise<string> {
		return await this.byId('output-panel').innerText();
	}

	async canvasSubtitle(name: string): Promise<string> {
		return (
			await this.canvasNode(name)
				.locator('[data-test-id="canvas-node-subtitle"], [class*="_subtitle_"]')
				.first()
				.innerText()
		).trim();
	}

	// ── credentials ──
	credentialModal(): Locator {
		return this.byId('editCredential-modal');
	}

	async openCredential(name: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/home/credentials`);
		await this.page
			.locator('[data-test-id="resources-list-item"]')
			.filter({ hasText: name })
			.first()
			.click();
		await this.credentialModal().waitFor();
	}

	/**
	 * What the credential modal says about the last test, once it says what is expected (or after
	 * three minutes, when the caller's assertion shows what it said instead): saving retests, and on
	 * a busy machine the answer takes a while; an earlier result may still be on screen meanwhile.
	 */
	async credentialTestResult(expected: RegExp): Promise<string> {
		const modal = this.credentialModal();
		const deadline = Date.now() + 180_000;
		let text = '';
		for (;;) {
			// n8n 2.41 shows a failed test as "Couldn't connect with these settings" and the reason behind "More details"
			const details = modal.getByText('More details', { exact: true });
			if (await details.isVisible()) await details.click().catch(() => undefined);
			text = await modal.innerText();
			if (expected.test(text) || Date.now() > deadline) return text;
			await this.page.waitForTimeout(1000);
		}
	}

	async fillCredentialField(name: string, value: string): Promise<void> {
		const input = this.byId(`parameter-input-${name}`, this.credentialModal())
			.locator('input, textarea')
			.first();
		await input.fill(value);
	}

	async saveCredential(): Promise<void> {
		await this.byId('credential-save-button', this.credentialModal()).click();
		await this.page.waitForTimeout(1500);
	}

	async closeCredential(): Promise<void> {
		await this.credentialModal().locator('.el-dialog__close').first().click();
	}

	async screenshot(name: string, target?: Locator): Promise<string> {
		const file = path.join(this.shots, `${name}.png`);
		if (target) await target.screenshot({ path: file });
		else await this.page.screenshot({ path: file });
		return file;
	}
}
