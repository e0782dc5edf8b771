import { Heading } from '@chakra-ui/react';

/** Placeholder until the waitlist area is built: the waiting list. */
export default function WaitlistRoutes() {
  return <Heading size="lg">waitlist</Heading>;
}
