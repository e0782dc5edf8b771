import { Heading } from '@chakra-ui/react';

/** Placeholder until the booking area is built: doctors, dates, free slots and booking. */
export default function BookingRoutes() {
  return <Heading size="lg">booking</Heading>;
}
