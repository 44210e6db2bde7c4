// Password hashes for accounts a test makes itself, in the same format as the app's.
import { hash } from "@node-rs/argon2";

export const argon2id = (password: string) => hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
