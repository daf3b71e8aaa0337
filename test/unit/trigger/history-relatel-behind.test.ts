import { expectFlawlessHistory } from '../../helpers/triggerHistory';

/**
 * 240 polls of nine triggers against the sandbox, Relatel's clock 25 s behind n8n's:
 * events between and during polls, bursts sharing one timestamp across page boundaries,
 * late-visible events, 429/500 in the middle of paging, a revoked token that is later
 * replaced. Prints lost/duplicated per event type; both must be 0.
 */
it("emits every event exactly once, in order (Relatel's clock 25 s behind n8n's)", async () => {
	await expectFlawlessHistory({ seed: 7, polls: 240, skewMs: -25_000 });
}, 600_000);
