package io.crmkit.impl.job;

/**
 * What the jobs of one kit share, as the kit's wiring provides it; each service takes from here the collaborators
 * it passes on to its parts.
 */
public interface JobKit {

    /** @return the jobs of every kind running in this kit, for cancelling and awaiting them */
    RunningJobs running();

    /** @return the files of jobs, kept in the database */
    JobFiles jobFiles();

    /** @return the threads of submitted jobs */
    java.util.concurrent.ExecutorService jobs();

    /** @return the leases of the kit's job runs */
    JobLeases leases();
}
