// Steps in n8n's editor (2.40.7), by its data-test-id attributes, and the checks every UI
// test makes: icons that load, parameter labels that are display names, not raw keys.
import assert from 'node:assert/strict';

import { OWNER } from './environment.mjs';

/** The owner set-up page of a fresh n8n: fills it and waits until n8n lets us in. */
export async function setUpOwner(page, baseUrl) {
	await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
	await page.getByTestId('setup-form').waitFor();
	await page.getByTestId('email').locator('input').fill(OWNER.email);
	await page.getByTestId('firstName').locator('input').fill(OWNER.firstName);
	await page.getByTestId('lastName').locator('input').fill(OWNER.lastName);
	await page.getByTestId('password').locator('input').fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/setup'), { waitUntil: 'commit' });
}

/** n8n's node and credential type descriptions, as the editor loads them. */
export async function loadTypes(page, baseUrl) {
	const [nodes, credentials] = await Promise.all(
		['nodes', 'credentials'].map(async (kind) => {
			const res = await page.request.get(`${baseUrl}/types/${kind}.json`);
			assert.equal(res.status(), 200, `GET /types/${kind}.json`);
			return await res.json();
		}),
	);
	return { nodes, credentials };
}

/** Every parameter name of a description (nested collections too) → its display names. */
export function displayNamesByKey(properties, map = new Map()) {
	for (const p of properties ?? []) {
		if (p.name && p.displayName) {
			if (!map.has(p.name)) map.set(p.name, new Set());
			map.get(p.name).add(p.displayName);
		}
		for (const option of p.options ?? []) {
			if (option.values) displayNamesByKey(option.values, map);
			else if (option.displayName) displayNamesByKey([option], map);
		}
		if (p.values) displayNamesByKey(p.values, map);
	}
	return map;
}

/**
 * The parameter labels shown in `scope` must show each key's display name from our
 * description, never the raw key (`toNumbers`, `binaryPropertyName`).
 */
export async function assertLabelsTranslated(scope, properties, what) {
	const names = displayNamesByKey(properties);
	// A parameter's label: <label for="<key>"> in a node's parameters, or a label inside the
	// element data-test-id="<key>" in the credential dialog. Its text, without the " *" of
	// a required field.
	const labels = await scope.locator('label.n8n-input-label').evaluateAll((els) =>
		els
			.filter((el) => el.offsetParent !== null)
			.map((el) => {
				const title = el.querySelector('[class*="_title_"] > span') ?? el;
				return {
					key: el.getAttribute('for') ?? el.closest('[data-test-id]')?.getAttribute('data-test-id'),
					text: [...title.childNodes]
						.filter((node) => node.nodeType === Node.TEXT_NODE)
						.map((node) => node.textContent)
						.join('')
						.trim(),
				};
			}),
	);
	assert.ok(labels.length > 0, `${what}: no parameter labels found`);
	const ours = labels.filter(({ key }) => names.has(key));
	assert.ok(ours.length > 0, `${what}: none of the labels is one of our parameters: ${JSON.stringify(labels)}`);
	for (const { key, text } of labels) {
		assert.ok(!/^[a-z]+[A-Z0-9]\w*$/.test(text), `${what}: label shows a raw parameter key "${text}"`);
		if (names.has(key)) {
			assert.ok(names.get(key).has(text), `${what}: "${key}" is labelled "${text}", expected one of ${JSON.stringify([...names.get(key)])}`);
		}
	}
	return labels;
}

/** Every <img> of ours in `scope` has loaded (naturalWidth > 0); returns their URLs. */
export async function assertIconsLoaded(scope, what, pattern = /\/icons\/[^/]+\/.*relatel.*\.svg/) {
	const images = scope.locator('img');
	// An icon can still be loading when it is attached: wait until it has a size.
	await scope.page().waitForFunction(
		({ selector, source }) => {
			const re = new RegExp(source);
			const ours = [...document.querySelectorAll(selector)].filter((img) => re.test(img.src));
			return ours.length > 0 && ours.every((img) => img.complete);
		},
		{ selector: 'img', source: pattern.source },
	);
	const found = (await images.evaluateAll((els) => els.map((img) => ({ src: img.src, width: img.naturalWidth })))).filter((i) =>
		pattern.test(i.src),
	);
	assert.ok(found.length > 0, `${what}: no Relatel icon shown`);
	for (const icon of found) assert.ok(icon.width > 0, `${what}: icon did not load: ${icon.src}`);
	return [...new Set(found.map((i) => i.src))];
}

/** Opens the nodes panel's search with `openWith` (a button) and types `text`. */
export async function searchNodesPanel(page, text) {
	const search = page.getByTestId('node-creator-search-bar');
	await search.fill(text);
	return page.getByTestId('node-creator');
}

/**
 * The output panel's items as JSON (switches the panel to its JSON view, which renders its
 * rows a moment later and indents with non-breaking spaces).
 */
export async function outputJson(page) {
	const panel = page.getByTestId('output-panel');
	await panel.getByTestId('radio-button-json').click();
	const data = panel.getByTestId('ndv-data-container');
	await data.locator('.vjs-tree-node').last().waitFor();
	const text = (await data.innerText()).replaceAll('\u00a0', ' ');
	return JSON.parse(text);
}
