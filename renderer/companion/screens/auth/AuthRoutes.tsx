import { Heading } from '@chakra-ui/react';

/** Placeholder until the auth area is built: the welcome, sign-up, activation, sign-in and password screens. */
export default function AuthRoutes() {
  return <Heading size="lg">auth</Heading>;
}
