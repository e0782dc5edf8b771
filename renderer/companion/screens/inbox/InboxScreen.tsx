import { Heading } from '@chakra-ui/react';

/** Placeholder until the inbox area is built: the inbox. */
export default function InboxScreen() {
  return <Heading size="lg">inbox</Heading>;
}
