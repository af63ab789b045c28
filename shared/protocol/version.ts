/** The protocol version: a client built for another version is refused at join with a reason. */
export const PROTOCOL_VERSION = 1;
