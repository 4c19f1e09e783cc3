/** The e2e console's port (several checkouts on one machine pick different ones). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * Where the e2e console expects LiveKit. Nothing listens there except while the signalling spec
 * runs its stand-in, so every other spec sees video as unavailable. Derived from the port so two
 * e2e runs on one machine never share it.
 */
export const E2E_LIVEKIT_URL = process.env.E2E_LIVEKIT_URL ?? `ws://127.0.0.1:${E2E_PORT + 3000}`;
