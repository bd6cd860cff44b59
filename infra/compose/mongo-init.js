// Makes the one MongoDB node a replica set (rs0) once, and gives each service (and the portal) a user of its own that may read and
// write its own database and nothing else. Later runs find both done and change nothing (a user's password is set
// again from the environment).
try {
  rs.status();
  print("replica set already initiated");
} catch (e) {
  rs.initiate({ _id: "rs0", members: [{ _id: 0, host: "mongo:27017" }] });
  print("replica set rs0 initiated");
}
// the users are written on the primary: wait until this node is it
while (!db.hello().isWritablePrimary) {
  sleep(200);
}
const services = {
  "order-registry": process.env.MONGO_PASSWORD_ORDER_REGISTRY,
  "breach-report": process.env.MONGO_PASSWORD_BREACH_REPORT,
  "notification": process.env.MONGO_PASSWORD_NOTIFICATION,
  // the portal keeps its users' sessions in a database of its own
  "portal": process.env.MONGO_PASSWORD_PORTAL,
};
for (const [service, password] of Object.entries(services)) {
  if (!password) {
    throw new Error("no password for " + service);
  }
  const database = db.getSiblingDB("orderwatch-" + service);
  const roles = [{ role: "readWrite", db: "orderwatch-" + service }];
  if (database.getUser(service) === null) {
    database.createUser({ user: service, pwd: password, roles: roles });
    print("user " + service + " created");
  } else {
    database.updateUser(service, { pwd: password, roles: roles });
    print("user " + service + " updated");
  }
}
