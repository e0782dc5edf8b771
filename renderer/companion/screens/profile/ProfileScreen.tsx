import { Heading } from '@chakra-ui/react';

/** Placeholder until the profile area is built: the profile. */
export default function ProfileScreen() {
  return <Heading size="lg">profile</Heading>;
}
